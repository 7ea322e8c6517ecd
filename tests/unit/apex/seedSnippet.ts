/**
 * The seed article's snippet (a Contact shared under its parent Account, FWD-4), preceded by
 * the lines the console needs: SOQL that binds its ids, and an insert that shares the parent
 * Account first (FWD-2). The end-to-end test types the same text.
 */
export const BIND_IDS = `Id connectionId = [SELECT Id FROM PartnerNetworkConnection WHERE ConnectionStatus = 'Accepted' LIMIT 1].Id;
Id contactId = [SELECT Id FROM Contact WHERE LastName = 'Bolton' LIMIT 1].Id;
Id accountId = [SELECT AccountId FROM Contact WHERE Id = :contactId].AccountId;`;

export const SHARE_PARENT = `insert new PartnerNetworkRecordConnection(ConnectionId = connectionId, LocalRecordId = accountId);`;

export const SNIPPET = `PartnerNetworkRecordConnection newConnection =
  new PartnerNetworkRecordConnection(
    ConnectionId = connectionId,
    LocalRecordId = contactId,
    SendClosedTasks = false,
    SendOpenTasks = false,
    SendEmails = false,
    ParentRecordId = accountId);
insert newConnection;`;

export const WHOLE = `${BIND_IDS}\n${SHARE_PARENT}\n${SNIPPET}`;
