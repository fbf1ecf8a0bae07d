import { eq } from 'drizzle-orm';
import { isWithin } from '@qiao/core';
import type { Tx } from '../db/open';
import { jurisdictions } from '../db/schema';
import { bad, forbidden311 } from './format';

export interface PlaceInput {
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
}

export interface Place {
  jurisdictionCode: string;
  jurisdictionName: string;
  /** The petition's address text: what was said of the place, with the coordinates when given. */
  address: string;
  lat: string | null;
  long: string | null;
}

function coordinate(value: string | undefined, field: 'lat' | 'long', limit: number): string | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^-?\d{1,3}(\.\d+)?$/.test(value) || !Number.isFinite(n) || Math.abs(n) > limit)
    throw bad(`${field}：应为 WGS84 十进制度数（-${limit} 至 ${limit}）`, `${field}: must be WGS84 decimal degrees between -${limit} and ${limit}`);
  return value;
}

/**
 * Place a request in the jurisdiction tree. The tree has names and GB/T 2260 codes but no coordinates, so
 * `lat`/`long` are kept (in the petition's address text) but cannot place a request by themselves:
 * `address_id` (a jurisdiction code) or an `address_string` naming a town, county… is needed too.
 */
export async function resolvePlace(db: Tx, input: PlaceInput, keyArea: string): Promise<Place> {
  if ((input.lat === undefined) !== (input.long === undefined))
    throw bad('lat 与 long 须同时提供', 'lat and long must be sent together');
  const lat = coordinate(input.lat, 'lat', 90);
  const long = coordinate(input.long, 'long', 180);
  const said = input.address_string?.trim() || undefined;
  if (!said && !input.address_id) {
    if (lat !== null)
      throw bad(
        'address_string 或 address_id：本系统的行政区划没有坐标，仅凭 lat/long 无法确定属地，请同时提供地址（含镇街或区县名称）或区划代码',
        'address_string or address_id: the jurisdiction tree has no coordinates, so lat/long alone cannot place a request; send an address naming the town or county, or the jurisdiction code',
      );
    throw bad('须提供位置：lat 与 long、address_string 或 address_id', 'A location is required: lat & long, address_string or address_id');
  }

  let chosen: { code: string; name: string } | undefined;
  if (input.address_id) {
    const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, input.address_id.trim()));
    if (!row) throw bad(`address_id：找不到行政区划代码 ${input.address_id}`, `address_id: no jurisdiction with the code ${input.address_id}`);
    chosen = row;
  } else {
    const all = (await db.select().from(jurisdictions)).filter((j) => isWithin(j.code, keyArea));
    const named = all.filter((j) => said!.includes(j.name));
    if (named.length === 0)
      throw bad(
        'address_string：地址中没有可识别的镇街、区县名称，请写明所在镇（街道）或提供 address_id',
        'address_string: names no town, district or county we know; name the town (street office) or send address_id',
      );
    const depth = (code: string) => code.replace(/(00)+$/, '').length;
    const deepest = Math.max(...named.map((j) => depth(j.code)));
    let best = named.filter((j) => depth(j.code) === deepest);
    if (best.length > 1) {
      // The same town name in two counties: keep those whose county (or city) is named as well.
      const withAncestor = best.filter((j) => named.some((a) => a.code !== j.code && isWithin(j.code, a.code)));
      if (withAncestor.length > 0) best = withAncestor;
    }
    if (best.length > 1)
      throw bad(
        `address_string：地址可能指 ${best.map((b) => b.name + '（' + b.code + '）').join('、')}，请写明所在区县或提供 address_id`,
        `address_string: could be ${best.map((b) => `${b.name} (${b.code})`).join(', ')}; name the county too or send address_id`,
      );
    chosen = best[0]!;
  }
  if (!isWithin(chosen.code, keyArea))
    throw forbidden311(
      `该 API 密钥只能提交 ${keyArea} 范围内的事项`,
      `This api_key may only submit requests within ${keyArea}`,
      'outsideArea',
    );
  const coords = lat !== null ? `（WGS84 ${lat},${long}）` : '';
  return {
    jurisdictionCode: chosen.code,
    jurisdictionName: chosen.name,
    address: `${said ?? chosen.name}${coords}`.slice(0, 300),
    lat,
    long,
  };
}
