/** The dashboard page, shared by the VS Code webview and the standalone HTML report. */
export interface PageParts {
  nonce: string;
  title: string;
  /** Extra CSP sources (the webview's `cspSource`), empty for the report. */
  cspSource: string;
  /** Either URLs to load or text to inline. */
  script: { src: string } | { inline: string };
  styles: Array<{ href: string } | { inline: string }>;
  /** The model embedded in the page (the report); the webview receives it by message. */
  embeddedModel?: unknown;
  bodyClass?: string;
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON that cannot end the <script> element it sits in. */
const scriptSafeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
const scriptSafeJs = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1');

export function dashboardPage(parts: PageParts): string {
  const { nonce, cspSource } = parts;
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `font-src ${cspSource} data:`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  const styles = parts.styles.map((style) => ('href' in style ? `<link rel="stylesheet" href="${escapeHtml(style.href)}">` : `<style nonce="${nonce}">${style.inline}</style>`)).join('\n');
  const model = parts.embeddedModel === undefined ? '' : `<script id="dashboard-model" type="application/json">${scriptSafeJson(parts.embeddedModel)}</script>`;
  const script = 'src' in parts.script ? `<script nonce="${nonce}" src="${escapeHtml(parts.script.src)}"></script>` : `<script nonce="${nonce}">${scriptSafeJs(parts.script.inline)}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
${styles}
</head>
<body${parts.bodyClass ? ` class="${escapeHtml(parts.bodyClass)}"` : ''}>
<main id="app"><p>Loading the dashboard…</p></main>
${model}
${script}
</body>
</html>
`;
}
