/** puppeteer.launch options for a headless Chromium as root, without its background traffic; `args` are added. */
export function headlessChromium(args?: string[]): { executablePath: string; headless: true; args: string[] };
