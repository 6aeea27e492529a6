import type { Translation } from './en.js';

/** Russian: the strings of `en`, in its order. */
export const ru: Translation = [
  'Войти', // signIn
  'Выйти', // signOut
  'Вход…', // signingIn
  'Выход…', // signingOut
  'Вы вошли как {user}', // signedInAs
  'Не удалось войти: {reason}', // signInFailed
  'Браузер заблокировал окно входа. Разрешите всплывающие окна для этого сайта или войдите снова.', // popupBlocked
  'Вы не разрешили вход.', // accessDenied
  'Провайдер недоступен.', // networkError
  'Вход не выполнен', // signedOut
  'Вы вошли как {user}, сеанс скоро истечёт', // expiringSoon
  'Продление сеанса…', // refreshing
  'Сеанс истёк', // expired
  'Ошибка сеанса: {reason}', // failed
  'осталось {time}', // timeLeft
  '{n} ч', // hours
  '{n} мин', // minutes
  '{n} с', // seconds
  'Разрешения', // scopes
  'Сеанс хранится только в памяти и закончится при перезагрузке.', // memoryOnly
  'кто-то', // someone
  '{client_name} запрашивает:', // asksTo
  'Разрешить', // allow
  'Отклонить', // deny
  'вы', // you
  'Сайт {client_name}', // homepage
];
