// The hub's user-assigned managed identity: created before everything that grants it a role, so the container app can
// read Key Vault secrets and reach Service Bus from its first revision.

@description('Azure region.')
param location string

@description('Name of the identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id (Bus:ServiceBusClientId).')
output clientId string = identity.properties.clientId

@description('Principal id, for role assignments.')
output principalId string = identity.properties.principalId
