/** A download, never cached: an export holds what only its reader may see. */
export function attachment(res: { setHeader(name: string, value: string): unknown }, filename: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
}
