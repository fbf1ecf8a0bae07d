import { describe, expect, it } from 'vitest';
import { maskAddress, maskEmail, maskIdCard, maskName, maskPersonalText, maskPetitioner, maskPhone } from '../../src/protection/index';

describe('maskName', () => {
  it.each([
    ['王小明', '王**'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧***'],
    ['  张三 ', '张*'],
    ['阿依古丽·买买提', '阿*******'],
    ['王', '*'],
    ['John Smith', 'J*'],
    ['alice', 'a*'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138 1234 1234', '138****1234'],
    ['0086-13812341234', '138****1234'],
    ['010-62345678', '010-******78'],
    ['0571 8765 4321', '0571-******21'],
    ['0571-8765432', '0571-*****32'],
    ['0571-87654321-123', '0571-******21-***'],
    ['+86 571 87654321', '0571-******21'],
    ['12345', '***45'],
    ['1234', '****'],
    ['', ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskIdCard', () => {
  it.each([
    ['11010119900307663X', '1101**********663X'],
    ['11010119900307663x', '1101**********663X'],
    ['110101900307663', '1101*******7663'], // a legacy 15-digit number
    ['12345678', '********'],
    ['', ''],
  ])('%j → %j', (id, masked) => {
    expect(maskIdCard(id)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it.each([
    ['浙江省杭州市西湖区文三路478号', '浙江省杭州市****'],
    ['西湖区文三路478号', '西湖区文三路****'],
    ['杭州市西湖区', '杭州市****'],
    ['文三路5号', '文三****'],
    ['', ''],
  ])('%j → %j', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});

describe('maskEmail', () => {
  it.each([
    ['wang.xiaoming@example.cn', 'w***@example.cn'],
    ['  li@qq.com ', 'l***@qq.com'],
    ['a@b.cn', 'a***@b.cn'],
    ['not-an-email', '************'],
    ['@example.cn', '***********'],
    ['', ''],
  ])('%j → %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe('maskPetitioner', () => {
  it('masks each present field and keeps absent and null fields as they are', () => {
    expect(
      maskPetitioner({ name: '王小明', phone: '13812341234', idCard: '11010119900307663X', address: null }),
    ).toEqual({ name: '王**', phone: '138****1234', idCard: '1101**********663X', address: null });
    expect(maskPetitioner({ name: '李四', email: 'lisi@example.com' })).toEqual({ name: '李*', email: 'l***@example.com' });
    expect(maskPetitioner({ name: '李四' })).toEqual({ name: '李*' });
    expect(maskPetitioner({})).toEqual({});
  });

  it('passes no other field through', () => {
    const withExtra = { name: '李四', wechat: 'lisi_1988' };
    expect(maskPetitioner(withExtra)).toEqual({ name: '李*' });
  });
});

describe('maskPersonalText', () => {
  const liu = { name: '刘志强', phone: '15412349584', idCard: '11010119900307663X', email: 'liu.zq@example.cn' };

  it('masks the petitioners as the petitioner box does, wherever the words give them', () => {
    expect(maskPersonalText('本人刘志强，电话15412349584，身份证11010119900307663x，邮箱liu.zq@example.cn。', [liu])).toBe(
      '本人刘**，电话154****9584，身份证1101**********663X，邮箱l***@example.cn。',
    );
    // Every petitioner of a collective petition, and a name written twice.
    expect(maskPersonalText('代表人王芳、刘志强：王芳多次反映。', [liu, { name: '王芳' }])).toBe('代表人王*、刘**：王*多次反映。');
  });

  it('masks anyone’s ID card, bank card and mobile numbers and email, not amounts, dates or what the matter names', () => {
    expect(maskPersonalText('工资请打到6222021234567890123，联系13912345678或zhang@qq.com；身份证330102198001011234。', [])).toBe(
      '工资请打到***************0123，联系139****5678或z***@qq.com；身份证3301**********1234。',
    );
    const matter = '恒远建设工程有限公司2025年3月至2026年1月拖欠工资520000元，合同编号HT-2025-0311，举报李某。';
    expect(maskPersonalText(matter, [{ name: '张三' }])).toBe(matter);
    // Already masked words stay as they are.
    expect(maskPersonalText('电话154****9584', [liu])).toBe('电话154****9584');
  });
});
