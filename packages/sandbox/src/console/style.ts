/**
 * The console's one stylesheet, inline so a page is one response. It follows the NetSuite emulator's
 * pages (dark bar, Arial 13px, light-blue table heads) so the sandbox's pages look like one product.
 */
export const STYLE = `
*{box-sizing:border-box}body{margin:0;font:13px/1.45 Arial,Helvetica,sans-serif;color:#262626;background:#f4f6f9}
header{display:flex;flex-wrap:wrap;align-items:center;gap:16px;background:#24385b;color:#fff;padding:8px 16px}
header .brand{font-weight:bold}header nav{display:flex;gap:14px;margin-left:auto}
header a{color:#fff;text-decoration:none}header a:hover{text-decoration:underline}
main{padding:12px 20px}h1{font-size:20px;font-weight:normal;margin:6px 0 10px}
h2{font-size:16px;font-weight:bold;color:#24385b;margin:22px 0 6px;border-top:1px solid #c8d1df;padding-top:10px}
h3{font-size:13px;margin:14px 0 4px;color:#24385b}
.summary{display:flex;flex-wrap:wrap;gap:10px;margin:0;padding:0;list-style:none}
.summary li{background:#fff;border:1px solid #dde3ec;border-radius:3px;padding:6px 12px;min-width:120px}
.summary .n{display:block;font-size:20px}.summary .l{font-size:11px;text-transform:uppercase;color:#6f6f6f}
.summary .bad .n{color:#a32020}
.scroll{overflow-x:auto}
table{border-collapse:collapse;background:#fff;width:100%;margin:6px 0}
th,td{border:1px solid #dde3ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#e3e9f2;font-weight:normal;color:#444;white-space:nowrap}
td.msg{max-width:420px;overflow-wrap:anywhere}
code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
.muted{color:#6f6f6f}.err{color:#a32020}.ok{color:#2d7a1f}.warn{color:#9a6700}
.badge{display:inline-block;padding:0 6px;border-radius:9px;border:1px solid;font-size:11px}
form.inline{display:inline;margin:0}
button,input[type=search]{font:inherit;padding:4px 10px;border:1px solid #b2b2b2;border-radius:3px}
button{background:#607799;color:#fff;border-color:#4d5f79;cursor:pointer}
.bar{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:6px 0}
.pager{display:flex;gap:12px;margin:6px 0}
progress{width:180px;vertical-align:middle}
.notice{background:#fdf3d8;border:1px solid #e0b94b;border-radius:3px;padding:6px 12px;margin:6px 0}
`;
