import type { ServerResponse } from 'node:http';
import { type LoopbackHttpsServer, sendJson, startLoopbackHttpsServer } from '@toolgate/core/test';

/** One request the business received: which action, with which arguments. */
export interface BusinessRequest {
  action: string;
  method: string;
  /** GET: the query parameters (strings); other methods: the envelope's `parameters`. */
  args: Record<string, unknown>;
}

export interface FakeBusiness {
  server: LoopbackHttpsServer;
  /** Every request so far, in order. */
  requests: BusinessRequest[];
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };
type Args = Record<string, unknown>;

const ok = (result: unknown): Answer => ({ status: 200, body: { success: true, result } });
const fail = (status: number, error: string): Answer => ({ status, body: { success: false, error } });
const text = (value: unknown) => String(value ?? '').toUpperCase();

/**
 * Ids that fail on their first request only (a flaky backend): `ORD-503xx`, `TCK-503xx`,
 * `BK-503xx`. Each dialogue that retries uses an id of its own.
 */
const FLAKY = /^(ORD|TCK|BK)-503\d\d$/;

/** Fixed failures: `...-50000` the backend is down (503), `...-40400` not found (404). */
function failureFor(id: string, seen: Set<string>, what: string): Answer | undefined {
  if (/-50000$/.test(id)) return { status: 503, body: { error: 'upstream database offline' } };
  if (/-40400$/.test(id)) return fail(404, `No ${what} with that number`);
  if (FLAKY.test(id) && !seen.has(id)) {
    seen.add(id);
    return { status: 503, body: { error: 'temporarily unavailable' } };
  }
  return undefined;
}

const HOURS = {
  downtown: [
    { day: 'Monday to Friday', open: '09:00', close: '20:00' },
    { day: 'Saturday', open: '10:00', close: '18:00' },
    { day: 'Sunday', open: '11:00', close: '16:00' },
  ],
  airport: [{ day: 'Every day', open: '06:00', close: '22:00' }],
  riverside: [
    { day: 'Tuesday to Saturday', open: '10:00', close: '19:00' },
    { day: 'Sunday and Monday', open: 'closed', close: 'closed' },
  ],
} as const;

const PROMOTIONS = [
  { code: 'SPRING20', offer: '20% off all outerwear', category: 'outerwear', ends: '2027-04-30' },
  { code: 'STEPUP15', offer: '15% off running shoes', category: 'shoes', ends: '2027-05-15' },
  { code: 'KIDSFREE', offer: 'free shipping on kids orders', category: 'kids', ends: '2027-06-01' },
];

/** The business's answer to one action. */
function answer(action: string, args: Args, seen: Set<string>): Answer {
  switch (action) {
    case 'check_order_status': {
      const order = text(args.order_number);
      const failure = failureFor(order, seen, 'order');
      if (failure) return failure;
      if (order === 'ORD-12345')
        return ok({ status: 'shipped', carrier: 'UPS', estimated_delivery: '2027-03-25' });
      if (order === 'ORD-77777') return ok({ status: 'delivered', delivered_on: '2027-03-02' });
      return ok({ status: 'processing', estimated_ship_date: '2027-03-18' });
    }
    case 'list_my_orders': {
      if (String(args.email).startsWith('nobody@')) return ok({ orders: [] });
      return ok({
        orders: [
          { order_number: 'ORD-31001', placed: '2027-02-27', status: 'delivered', total: '$84.10' },
          { order_number: 'ORD-31877', placed: '2027-03-06', status: 'shipped', total: '$129.00' },
        ],
      });
    }
    case 'cancel_order': {
      const order = text(args.order_number);
      const failure = failureFor(order, seen, 'order');
      if (failure) return failure;
      if (order === 'ORD-12345')
        return fail(409, 'This order has already shipped and can no longer be cancelled');
      return ok({ cancelled: true, order_number: order, refund_to: 'original payment method' });
    }
    case 'request_refund': {
      const order = text(args.order_number);
      const failure = failureFor(order, seen, 'order');
      if (failure) return failure;
      return ok({
        refund_id: 'RF-6610',
        status: 'approved',
        amount: '$42.50',
        arrives_in: '5-7 business days',
      });
    }
    case 'track_shipment': {
      const tracking = text(args.tracking_number);
      if (tracking.endsWith('0000')) return { status: 502, body: { error: 'carrier API timeout' } };
      return ok({
        status: 'in transit',
        last_scan: 'Memphis, TN hub',
        expected: '2027-03-16',
        scans: [
          { at: '2027-03-12 08:10', place: 'Newark, NJ', event: 'picked up' },
          { at: '2027-03-13 21:40', place: 'Memphis, TN', event: 'arrived at hub' },
        ],
      });
    }
    case 'check_stock': {
      const sku = text(args.sku);
      if (sku.endsWith('-0000')) return fail(404, 'Unknown SKU');
      if (sku === 'SKU-5000') return { status: 500, body: { error: 'inventory service crashed' } };
      if (sku === 'SKU-1200') return ok({ sku, in_stock: false, restock_date: '2027-04-02' });
      return ok({ sku, in_stock: true, quantity_available: 14 });
    }
    case 'find_promotions': {
      const category = args.category === undefined ? undefined : String(args.category);
      const promotions = PROMOTIONS.filter((item) => category === undefined || item.category === category);
      return ok({ promotions });
    }
    case 'get_store_hours': {
      const hours = HOURS[String(args.store) as keyof typeof HOURS];
      return hours ? ok({ store: args.store, hours }) : fail(404, 'No such store');
    }
    case 'book_table': {
      if (Number(args.party_size) > 12)
        return fail(422, 'We can seat at most 12 guests online; please call us');
      if (args.date === '2027-12-25') return fail(409, 'The restaurant is closed that day');
      return ok({ reservation: 'BK-61234', party_size: args.party_size, date: args.date, time: args.time });
    }
    case 'book_appointment': {
      if (args.time === '07:00') return fail(409, 'The salon opens at 9:00');
      return ok({ booking_id: 'BK-72001', service: args.service, date: args.date, time: args.time });
    }
    case 'reschedule_appointment':
    case 'cancel_booking': {
      const booking = text(args.booking_id);
      const failure = failureFor(booking, seen, 'booking');
      if (failure) return failure;
      return ok(
        action === 'cancel_booking' ? { cancelled: true, booking_id: booking } : { moved: true, ...args },
      );
    }
    case 'capture_lead':
      return ok({ lead_id: 'LD-4410', callback_within: '1 business day' });
    case 'open_support_ticket':
      if (String(args.email).endsWith('@down.example'))
        return { status: 503, body: { error: 'helpdesk down' } };
      return ok({ ticket_id: 'TCK-90211', status: 'open', first_reply_within: '4 hours' });
    case 'check_ticket_status': {
      const ticket = text(args.ticket_id);
      const failure = failureFor(ticket, seen, 'ticket');
      if (failure) return failure;
      return ok({ ticket_id: ticket, status: 'waiting for your reply', last_update: '2027-03-11' });
    }
    case 'check_return_status': {
      const returned = text(args.return_number);
      const failure = failureFor(returned, seen, 'return');
      if (failure) return failure;
      return ok({
        return_number: returned,
        status: 'received at our warehouse',
        refund_expected: '2027-03-20',
      });
    }
    case 'resend_invoice':
      return ok({ invoice_number: text(args.invoice_number), sent_to: args.email });
    case 'newsletter_signup':
      return ok({ subscribed: args.consent === true, email: args.email });
    default:
      return fail(404, `unknown action ${action}`);
  }
}

function argumentsOf(method: string, url: URL, body: string): Args {
  if (method === 'GET' || method === 'DELETE') return Object.fromEntries(url.searchParams);
  const envelope = JSON.parse(body || '{}') as { parameters?: Args };
  return envelope.parameters ?? {};
}

/** Starts the business on a loopback HTTPS port; each action answers at `/<action name>`. */
export async function startFakeBusiness(): Promise<FakeBusiness> {
  const requests: BusinessRequest[] = [];
  const seen = new Set<string>();
  const server = await startLoopbackHttpsServer((request, response: ServerResponse) => {
    const url = new URL(request.url, 'https://business.test');
    const action = url.pathname.slice(1);
    const args = argumentsOf(request.method, url, request.body);
    requests.push({ action, method: request.method, args });
    const { status, body } = answer(action, args, seen);
    sendJson(response, status, body);
  });
  return { server, requests, close: () => server.close() };
}
