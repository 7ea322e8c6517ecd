import { measureFirstVisit, describeFirstVisit } from './firstVisit.ts';
console.log(
  describeFirstVisit(await measureFirstVisit('dist', 'test-results/first-visit.png'), 200),
);
