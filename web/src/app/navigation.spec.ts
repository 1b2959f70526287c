import { NAVIGATION, sectionOf } from './navigation';

describe('sectionOf', () => {
  const to = (role: keyof typeof NAVIGATION, path: string) => sectionOf(NAVIGATION[role], path)?.to;

  it('is the page itself when it is in the menu', () => {
    expect(to('orderer', '/orders')).toBe('/orders');
    expect(to('orderer', '/orders/new')).toBe('/orders/new');
    expect(to('coordinator', '/')).toBe('/');
  });

  it('is the menu item a page lies under, the longest one', () => {
    expect(to('orderer', '/orders/3f2a')).toBe('/orders');
    expect(to('coordinator', '/coordinator/claims/3f2a')).toBe('/coordinator/claims');
    expect(to('expert', '/offers/3f2a')).toBe('/offers');
  });

  it('takes the home page only for itself, and a path only at a whole segment', () => {
    expect(to('expert', '/accessibility')).toBeUndefined();
    expect(to('orderer', '/orders-old')).toBeUndefined();
  });
});
