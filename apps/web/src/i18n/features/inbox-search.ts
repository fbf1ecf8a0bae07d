import type { Strings } from '../zh';

/** A search that finds nothing in the tab shown, and what it finds under All. */
export const zh = {
  inboxSearch: {
    foundInAll: '本列表中没有，“{{tab}}”中找到 {{count}} 件',
    foundInAllAtLeast: '本列表中没有，“{{tab}}”中找到 {{count}} 件及以上',
    showInAll: '在“{{tab}}”中查看',
  },
};

export const en: Strings<typeof zh> = {
  inboxSearch: {
    foundInAll: 'None in this list; {{count}} found under {{tab}}',
    foundInAllAtLeast: 'None in this list; {{count}} or more found under {{tab}}',
    showInAll: 'Show them under {{tab}}',
  },
};
