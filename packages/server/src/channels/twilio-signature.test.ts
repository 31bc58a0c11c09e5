import { describe, expect, it } from 'vitest';
import { twilioSignature, twilioSignatureMatches, twilioUrlVariants } from './twilio-signature.js';
import { escapeXml, twimlMessage } from './twiml.js';

// Test data: the published request-validation vectors of Twilio's own Node library,
// github.com/twilio/twilio-node, spec/validation.spec.js (commit 45d3d65a4): auth token, URL,
// POST parameters and the X-Twilio-Signature Twilio computed for them. Only the values are used.
const token = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params: [string, string][] = [
  ['CallSid', 'CA1234567890ABCDE'],
  ['Caller', '+14158675309'],
  ['Digits', '1234'],
  ['From', '+14158675309'],
  ['To', '+18005551212'],
];

describe("Twilio's request signature", () => {
  it("matches Twilio's published signature for a URL and parameters", () => {
    expect(twilioSignature(token, url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    // Parameter order on the wire does not matter: they are sorted.
    expect(twilioSignature(token, url, [...params].reverse())).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('signs the URL with its default port as a separate spelling', () => {
    expect(twilioSignature(token, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', params)).toBe(
      'kvajT1Ptam85bY51eRf/AJRuM3w=',
    );
    expect(twilioSignature(token, 'http://mycompany.com:80/myapp.php?foo=1&bar=2', params)).toBe(
      '0ZXoZLH/DfblKGATFgpif+LLRf4=',
    );
    expect(twilioSignature(token, 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', params)).toBe(
      'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=',
    );
  });

  it('signs the URL as WHATWG URL serializes it', () => {
    const special = new URL(`${url}&Body=It's+amazing`).href; // ' becomes %27
    expect(twilioSignature(token, special, params)).toBe('TfZzewPq8wqrGlMfyAud8+/IvJ0=');
  });

  it('sorts the distinct values of a repeated parameter', () => {
    const one: [string, string][] = [
      ['MessagingBinding.Address', '+1325xxxxxxx'],
      ['MessagingBinding.Address', '+1415xxxxxxx'],
    ];
    expect(twilioSignature(token, url, one)).toBe('83O6e2vORAoJHUNzJjDWN1jz+BA=');
    expect(twilioSignature(token, url, [...one].reverse())).toBe('83O6e2vORAoJHUNzJjDWN1jz+BA=');
    const many: [string, string][] = [
      ['Sid', 'CA123'],
      ['SidAccount', 'AC123'],
      ['Digits', '5678'],
      ['Digits', '1234'],
      ['Digits', '1234'],
    ];
    expect(twilioSignature(token, url, many)).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('accepts either spelling of the port, and nothing else', () => {
    expect(twilioSignatureMatches([token], 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(true);
    expect(twilioSignatureMatches([token], 'kvajT1Ptam85bY51eRf/AJRuM3w=', url, params)).toBe(true);
    // Twilio's own validator accepts a URL with a port against the signature without it.
    expect(
      twilioSignatureMatches(
        [token],
        'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
        'https://mycompany.com:1234/myapp.php?foo=1&bar=2',
        params,
      ),
    ).toBe(true);
    expect(twilioSignatureMatches([token], 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', `${url}&x=1`, params)).toBe(false);
    expect(twilioSignatureMatches(['54321'], 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(false);
    expect(twilioSignatureMatches([token], 'WRONG_SIGNATURE', url, params)).toBe(false);
    expect(
      twilioSignatureMatches([token], 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, [...params, ['Body', 'x']]),
    ).toBe(false);
    // A previous token during a rotation still matches; no token at all never does.
    expect(twilioSignatureMatches(['new-token', token], 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(
      true,
    );
    expect(twilioSignatureMatches([], 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(false);
  });

  it('lists the spellings of a URL with and without its port', () => {
    expect(twilioUrlVariants('https://a.example/x?y=1')).toEqual([
      'https://a.example/x?y=1',
      'https://a.example:443/x?y=1',
    ]);
    expect(twilioUrlVariants('http://a.example:8080/x')).toEqual([
      'http://a.example/x',
      'http://a.example:8080/x',
    ]);
  });
});

describe('TwiML replies', () => {
  it('escapes markup and drops what XML cannot hold', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0001`)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;',
    );
    expect(twimlMessage('Order <ORD-1> & co')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Order &lt;ORD-1&gt; &amp; co</Message></Response>',
    );
    expect(twimlMessage('  ')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
});
