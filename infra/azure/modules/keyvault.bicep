// Key Vault (RBAC): the PostgreSQL connection string, API keys, the DWH pseudonym key and installation credentials.
// The hub identity reads secrets ("Key Vault Secrets User"); operators write them ("Key Vault Secrets Officer").

@description('Azure region.')
param location string

@description('Name of the vault (globally unique, 3-24 characters).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Purge protection: a deleted vault or secret cannot be purged during the retention (production).')
param purgeProtection bool

@description('Name of the hub\'s user-assigned identity (in this resource group).')
param hubIdentityName string

@description('Principal ids (users or groups) of the operators who set secrets.')
param operatorPrincipalIds array

@description('Log Analytics workspace for the audit log.')
param workspaceId string

resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: hubIdentityName
}

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: purgeProtection ? true : null
  }
}

resource hubReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, hubIdentity.id, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: hubIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorsWriteSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in operatorPrincipalIds: {
  name: guid(vault.id, principalId, secretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: principalId
  }
}]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('URI of the vault, e.g. https://lsb-prod-kv.vault.azure.net/.')
output uri string = vault.properties.vaultUri
