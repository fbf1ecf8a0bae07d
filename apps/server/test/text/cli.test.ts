import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function qiao(command: string, input: string) {
  return spawnSync('npx', ['tsx', 'apps/server/src/cli.ts', command], { cwd: root, input, encoding: 'utf8' });
}

const lines = [
  { id: 'a1', text: '我们是安置房工地的农民工，施工单位恒远建设工程有限公司拖欠我们工资十二万元，请帮我们讨回血汗钱。' },
  { id: 'a2', text: '來電人稱在安置房工地做鋼筋工，恒遠建設工程有限公司拖欠工資至今未結，要求儘快發放工資。' },
  { id: 7, text: '建议在桃源村设几个垃圾收集点，现在村里没有固定的垃圾桶，大家都把垃圾倒在河沟边。' },
];
const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('qiao classify / dedup', () => {
  it('classify writes one JSON line per input line, nothing else on stdout', () => {
    const r = qiao('classify', input);
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out.map((o) => o.id)).toEqual(['a1', 'a2', 7]);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(['category', 'confidence', 'domain', 'id', 'litigationRelated']);
      expect(typeof o.confidence).toBe('number');
    }
    expect(out[0].domain).toBe('labor');
    expect(out[2].category).toBe('suggestion');
  });

  it('dedup writes {id, group}; the same matter shares a group, a singleton has its own', () => {
    const r = qiao('dedup', input);
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => Object.keys(o).sort())).toEqual([['group', 'id'], ['group', 'id'], ['group', 'id']]);
    expect(out[0].group).toBe(out[1].group);
    expect(out[2].group).not.toBe(out[0].group);
  });

  it('rejects a line that is not JSON with a message on stderr', () => {
    const r = qiao('classify', 'not json\n');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('stdin:1');
  });
});
