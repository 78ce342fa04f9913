// Azure Database for PostgreSQL flexible server: the hub's state and Wolverine's message store (inbox, outbox,
// failed messages). Its connection string goes to Key Vault; the hub reads it from there.

@description('Azure region.')
param location string

@description('Name of the server (globally unique).')
param serverName string

@description('Compute tier and size, e.g. Burstable/Standard_B2s (test) or GeneralPurpose/Standard_D4ds_v5 (production).')
param skuTier string
param skuName string

@description('Storage in GiB.')
@minValue(32)
param storageSizeGB int

@description('Zone-redundant high availability (production).')
param highAvailability bool

@description('Days of point-in-time backups.')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Administrator login.')
param administratorLogin string

@description('Administrator password (from the deployment, never from a parameter file in the repository).')
@secure()
param administratorPassword string

@description('Key Vault that receives the connection string as secret storage-connection-string.')
param keyVaultName string

@description('Log Analytics workspace for the server logs.')
param workspaceId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: highAvailability ? 'ZoneRedundant' : 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'lsb'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The hub nodes connect from Container Apps: allow Azure services (0.0.0.0). A private network is the stricter
// alternative (docs/deploy.md).
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'allow-azure-services'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// Every hub node keeps pools and one advisory-lock connection per node (docs/scale-out.md).
resource maxConnections 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'max_connections'
  properties: {
    value: '500'
    source: 'user-override'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'Host=${server.properties.fullyQualifiedDomainName};Database=${database.name};Username=${administratorLogin};Password=${administratorPassword};SSL Mode=Require;Maximum Pool Size=50'
    contentType: 'Npgsql connection string'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: server
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

@description('Host name of the server.')
output host string = server.properties.fullyQualifiedDomainName
