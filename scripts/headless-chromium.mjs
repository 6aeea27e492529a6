// How the build, bench and static-Storybook scripts launch Debian's Chromium (CHROMIUM names another build).

/** puppeteer.launch options for a headless Chromium as root, without its background traffic; `args` are added. */
export function headlessChromium(args = []) {
  return {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      ...args,
    ],
  };
}
