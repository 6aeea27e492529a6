import type { Translation } from './en.js';

/** Chinese (Simplified): the strings of `en`, in its order. */
export const zh: Translation = [
  '登录', // signIn
  '退出', // signOut
  '正在登录…', // signingIn
  '正在退出…', // signingOut
  '已登录：{user}', // signedInAs
  '登录失败：{reason}', // signInFailed
  '浏览器阻止了登录窗口。请允许此网站弹出窗口，或重新登录。', // popupBlocked
  '您没有允许登录。', // accessDenied
  '无法连接到身份提供方。', // networkError
  '未登录', // signedOut
  '已登录：{user}，即将过期', // expiringSoon
  '正在续期会话…', // refreshing
  '会话已过期', // expired
  '会话错误：{reason}', // failed
  '剩余 {time}', // timeLeft
  '{n} 小时', // hours
  '{n} 分', // minutes
  '{n} 秒', // seconds
  '权限', // scopes
  '会话仅保存在内存中，重新加载后失效。', // memoryOnly
  '某人', // someone
  '{client_name} 请求：', // asksTo
  '允许', // allow
  '拒绝', // deny
  '您', // you
  '{client_name} 的主页', // homepage
];
