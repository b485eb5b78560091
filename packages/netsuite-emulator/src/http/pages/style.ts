/** The pages' one stylesheet, inline so a page is one response. Plain, NetSuite-like: a dark bar, grey labels. */
export const STYLE = `
*{box-sizing:border-box}body{margin:0;font:13px/1.45 Arial,Helvetica,sans-serif;color:#262626;background:#f4f6f9}
.ns-header{display:flex;flex-wrap:wrap;align-items:center;gap:16px;background:#24385b;color:#fff;padding:8px 16px}
.ns-brand{font-weight:bold}.ns-account{opacity:.8}.ns-menu{display:flex;gap:14px;margin-left:auto}
.ns-menu a{color:#fff;text-decoration:none}.ns-menu a:hover{text-decoration:underline}
.ns-main{padding:12px 20px;max-width:1200px}.ns-title{font-size:20px;font-weight:normal;margin:6px 0 10px}
.ns-buttons{display:flex;gap:8px;margin:8px 0 14px}
a.ns-button{text-decoration:none;color:inherit;display:inline-block}.ns-button.ns-primary{color:#fff}
.ns-button{background:#e9e9e9;border:1px solid #b2b2b2;border-radius:3px;padding:4px 12px;font:inherit;cursor:pointer}
.ns-button.ns-submit,.ns-button.ns-primary{background:#607799;color:#fff;border-color:#4d5f79}
.ns-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px 24px}
.ns-fieldgroup{border:0;border-top:1px solid #c8d1df;margin:14px 0 0;padding:8px 0 0}
.ns-fieldgroup>legend{font-weight:bold;color:#24385b;padding-right:8px}
.ns-field{display:flex;flex-direction:column;gap:2px}.ns-label{font-size:11px;text-transform:uppercase;color:#6f6f6f}
.ns-field input[type=text],.ns-field input[type=email],.ns-field input[type=tel],.ns-field input[type=url],
.ns-field input[type=number],.ns-field input[type=date],.ns-field input[type=password],.ns-field select,.ns-field textarea{font:inherit;padding:3px 5px;border:1px solid #b2b2b2;border-radius:2px;max-width:100%}
.ns-message{border-radius:3px;padding:8px 12px;margin:6px 0;border:1px solid}
.ns-message-confirmation{background:#e6f4e3;border-color:#7cb66f}.ns-message-information{background:#e5eef9;border-color:#7fa3d1}
.ns-message-warning{background:#fdf3d8;border-color:#e0b94b}.ns-message-error{background:#fbe3e3;border-color:#d46b6b}
table.ns-list,table.ns-sublist{border-collapse:collapse;background:#fff;width:100%;margin:8px 0}
.ns-list th,.ns-list td,.ns-sublist th,.ns-sublist td{border:1px solid #dde3ec;padding:4px 8px;text-align:left;vertical-align:top}
.ns-list th,.ns-sublist th{background:#e3e9f2;font-weight:normal;color:#444}
.ns-pager{display:flex;gap:12px;margin:6px 0}.ns-error-code{font-family:monospace;font-size:15px;color:#a32020}
.ns-login{background:#fff;border:1px solid #dde3ec;padding:18px;max-width:360px}
pre.ns-details{white-space:pre-wrap;margin:0;font:12px/1.4 monospace}
.ns-help-trigger{all:unset;cursor:help;border-bottom:1px dotted currentColor}
.ns-help-popup{max-width:320px;padding:8px 10px;border:1px solid #b2b2b2;border-radius:3px;background:#fffde8;font-size:12px;text-transform:none;color:#262626}
.ns-tab-bar,.ns-subtab-bar{display:flex;gap:2px;margin:16px 0 0;border-bottom:2px solid #607799}
.ns-tab-link,.ns-subtab-link{padding:4px 12px;background:#e3e9f2;color:#24385b;text-decoration:none;border-radius:3px 3px 0 0}
.ns-tab,.ns-subtab{padding:6px 0}.ns-tab-label{font-size:15px;color:#24385b;margin:10px 0 6px}
.ns-pagelinks{display:flex;gap:12px}.ns-pagelink.ns-crosslink{margin-left:auto}.ns-sublist-buttons{display:flex;gap:8px}
.ns-menu-links{display:flex;gap:10px;padding:4px 16px;background:#e3e9f2}.ns-menu-links a{color:#24385b}
`;
