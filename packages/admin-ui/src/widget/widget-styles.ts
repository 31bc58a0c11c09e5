/** The widget's own look, inside its shadow root: readable on phones and desktops. */
export const WIDGET_STYLES = `
:host { all: initial; }
.bubble { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; padding: 12px 18px;
  border: 0; border-radius: 999px; background: #1d4f7a; color: #fff; font: 600 15px system-ui, sans-serif;
  box-shadow: 0 4px 14px rgba(0,0,0,.2); cursor: pointer; }
.bubble:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.panel { position: fixed; right: 16px; bottom: 72px; z-index: 2147483000; width: min(360px, calc(100vw - 32px));
  height: min(480px, calc(100vh - 120px)); display: flex; flex-direction: column; background: #fff;
  border: 1px solid #d5dbe3; border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  font: 15px/1.4 system-ui, sans-serif; color: #1b2430; }
.panel[hidden] { display: none; }
.header { display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 14px; border-bottom: 1px solid #d5dbe3; }
.title { flex: 1; margin: 0; font: 600 16px/1.3 system-ui, sans-serif; color: #1b2430;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.close { width: 36px; height: 36px; border: 0; border-radius: 8px; background: none; color: #1b2430;
  font: 24px/1 system-ui, sans-serif; cursor: pointer; }
.close:hover { background: #eef2f7; }
.composer input::placeholder { color: #5b6775; }
.log { flex: 1; margin: 0; padding: 12px; overflow-y: auto; list-style: none; display: flex; flex-direction: column; gap: 8px; }
.log li { max-width: 85%; padding: 8px 12px; border-radius: 10px; white-space: pre-wrap; }
.agent { align-self: flex-start; background: #eef2f7; }
.you { align-self: flex-end; background: #1d4f7a; color: #fff; }
.note { align-self: flex-start; color: #5b6775; font-style: italic; background: none; padding: 0 4px; }
.error { align-self: stretch; background: #fdecea; color: #8a1c12; }
.choices { display: flex; gap: 8px; background: none; padding: 0; }
.choices button, .composer button { padding: 8px 14px; border-radius: 8px; border: 1px solid #1d4f7a;
  background: #fff; color: #1d4f7a; font: 600 14px system-ui, sans-serif; cursor: pointer; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d5dbe3; }
.composer input { flex: 1; min-width: 0; padding: 8px 10px; border: 1px solid #9aa7b5; border-radius: 8px; font: inherit; }
.composer button { background: #1d4f7a; color: #fff; }
.composer button:disabled { opacity: .6; cursor: wait; }
`;
