import { describe, expect, it } from 'vitest';
import { maskAddress, maskEmail, maskIdCard, maskName, maskPetitioner, maskPhone } from '../../src/protection/index';

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
