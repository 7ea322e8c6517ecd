// The values a new Salesforce org ships with, so seeded records look like a real org's.
export const INDUSTRY = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
] as const;
export const ACCOUNT_TYPE = [
  'Prospect',
  'Customer - Direct',
  'Customer - Channel',
  'Channel Partner / Reseller',
  'Installation Partner',
  'Technology Partner',
  'Other',
] as const;
export const ACCOUNT_OWNERSHIP = ['Public', 'Private', 'Subsidiary', 'Other'] as const;
export const RATING = ['Hot', 'Warm', 'Cold'] as const;
export const SALUTATION = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] as const;
export const LEAD_SOURCE = [
  'Web',
  'Phone Inquiry',
  'Partner Referral',
  'Purchased List',
  'Other',
] as const;
export const LEAD_STATUS = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
] as const;
export const OPPORTUNITY_STAGE = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
] as const;
export const OPPORTUNITY_TYPE = [
  'Existing Customer - Upgrade',
  'Existing Customer - Replacement',
  'Existing Customer - Downgrade',
  'New Customer',
] as const;
export const FORECAST_CATEGORY = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'] as const;
export const CASE_STATUS = ['New', 'Working', 'Escalated', 'Closed'] as const;
export const CASE_PRIORITY = ['High', 'Medium', 'Low'] as const;
export const CASE_ORIGIN = ['Phone', 'Email', 'Web'] as const;
export const CASE_TYPE = ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other'] as const;
export const CASE_REASON = [
  'Installation',
  'Equipment Complexity',
  'Performance',
  'Breakdown',
  'Equipment Design',
  'Feedback',
  'Other',
] as const;
export const TASK_STATUS = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred',
] as const;
export const TASK_PRIORITY = ['High', 'Normal', 'Low'] as const;
export const TASK_TYPE = ['Call', 'Email', 'Meeting', 'Other'] as const;
// A new org ships Product Family empty; the sandbox seeds three values so products have some.
export const PRODUCT_FAMILY = ['Hardware', 'Software', 'Services'] as const;
