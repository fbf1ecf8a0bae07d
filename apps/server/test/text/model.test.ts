import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultModel, train } from '@qiao/core/text';
import { retrainedModelPath, textModel } from '../../src/analysis/model';

const dir = mkdtempSync(join(tmpdir(), 'qiao-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the model the server uses', () => {
  it('is the shipped one without a retrained model in the data folder, or when that file does not load', () => {
    expect(textModel({})).toBe(defaultModel());
    expect(textModel({ modelPath: retrainedModelPath(join(dir, 'none')) })).toBe(defaultModel());
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format":"something else"}');
    const warnings: string[] = [];
    expect(textModel({ modelPath: broken, log: { warn: (m) => warnings.push(m) } })).toBe(defaultModel());
    expect(warnings.join()).toContain('using the shipped one');
  });

  it('is the retrained one in the data folder when there is one', () => {
    const path = retrainedModelPath(dir);
    const texts = ['学校乱收补课费', '学校食堂饭菜太差', '老师体罚学生', '学校强制订购教辅'];
    writeFileSync(path, JSON.stringify(train(texts.map((text) => ({ text, domain: 'education' as const, category: 'claim' as const, litigationRelated: false })), {}, { synthetic: [], note: 'retrained here' })));
    const model = textModel({ modelPath: path });
    expect(model).not.toBe(defaultModel());
    expect(model.data.trainedOn.note).toBe('retrained here');
    expect(textModel({ modelPath: path })).toBe(model); // read once while the file is unchanged
  });
});
