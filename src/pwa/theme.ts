// The colours the installed app shows before any CSS has loaded (title bar, splash screen,
// task switcher). The icon in public/favicon.svg uses the same theme colour.
export const THEME_COLOR = '#1f5f5b';
export const BACKGROUND_COLOR = '#ffffff';
