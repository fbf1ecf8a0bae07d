import type { Strings } from '../zh';

/** What the admin forms say when a field is empty or not in the form the server takes (contracts UserBody, UnitBody). */
export const zh = {
  adminForm: {
    usernameRequired: '请输入用户名',
    usernameFormat: '用户名为 2–64 位英文字母、数字或 . _ -',
    unitIdRequired: '请输入单位代码',
    unitIdFormat: '单位代码为 2–63 位小写英文字母、数字或 -，以字母或数字开头',
    passwordRequired: '请设置密码',
    passwordShort: '密码太短',
    codeRequired: '请输入区划代码',
    codeFormat: '区划代码为 6、9 或 12 位数字（GB/T 2260）',
  },
};

export const en: Strings<typeof zh> = {
  adminForm: {
    usernameRequired: 'Enter a username',
    usernameFormat: 'A username is 2–64 letters, digits or . _ -',
    unitIdRequired: 'Enter a unit ID',
    unitIdFormat: 'A unit ID is 2–63 lowercase letters, digits or -, starting with a letter or digit',
    passwordRequired: 'Set a password',
    passwordShort: 'Too short',
    codeRequired: 'Enter the division code',
    codeFormat: 'A division code is 6, 9 or 12 digits (GB/T 2260)',
  },
};
