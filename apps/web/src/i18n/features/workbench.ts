import type { Strings } from '../zh';

/** Strings of the staff workbench added after zh.ts/en.ts were frozen for sharing (issue 3). */
export const zh = {
  workbench: {
    proxyTitle: '代理登记信访事项',
    proxyHelp: '代信访人登记：先取得信访人同意，再录入其反映的事项。登记后将信访件编号和查询码交给信访人本人。',
    proxyMaterials: '信访人提供的材料',
    proxyMaterialsHint: '点击或拖入材料照片或 PDF（每个不超过 20 MB），如书面材料、证明文件',
  },
};

export const en: Strings<typeof zh> = {
  workbench: {
    proxyTitle: 'Register a petition for a resident',
    proxyHelp:
      'Registering on behalf of a resident: obtain their consent first, then enter what they raise. Give the tracking code and secret to the resident in person.',
    proxyMaterials: 'Materials from the resident',
    proxyMaterialsHint: 'Click or drop photos or PDFs of their materials (up to 20 MB each), such as letters or certificates',
  },
};
