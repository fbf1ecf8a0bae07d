/**
 * The workbench's font stacks: Chinese fonts first in Chinese; in English, Latin fonts first. A CJK font's
 * punctuation is full-width: with it first, an English apostrophe (U+2019) showed as a wide gap (Leader’ s title, the gap a full em)
 * wherever no earlier font in the stack was installed (Linux: Noto Sans CJK took it). Chinese text on English pages
 * (names, units) still falls through to the Chinese fonts. Used by the theme (Root.tsx) and the cockpit's charts.
 */
const CJK_FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC"';
const LATIN_FONTS = 'Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans"';

export const fontFamily = {
  zh: `-apple-system, BlinkMacSystemFont, "Segoe UI", ${CJK_FONTS}, sans-serif`,
  en: `-apple-system, BlinkMacSystemFont, "Segoe UI", ${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`,
} as const;
