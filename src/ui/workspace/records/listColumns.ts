// The few fields a list view shows after the name: workspaces are narrow, so one or two short
// ones per object, as Salesforce's default list views pick.
const COLUMNS: Record<string, string[]> = {
  Account: ['Phone'],
  Contact: ['Email'],
  Lead: ['Company'],
  Opportunity: ['StageName'],
  Case: ['Subject'],
};

export function listColumns(object: string, available: { apiName: string }[]): string[] {
  const wanted = COLUMNS[object] ?? [];
  return wanted.filter((f) => available.some((a) => a.apiName === f));
}
