// The LSB Hub on Azure, in one resource group: Log Analytics, the hub identity, Key Vault, Service Bus Premium,
// PostgreSQL flexible server and the hub as a container app. Deploy with a parameter file (main.test.bicepparam,
// main.prod.bicepparam); docs/deploy.md walks through it. Deploy once with deployHub=false, put the secrets in Key
// Vault, then deploy again with deployHub=true (the app's Key Vault references must resolve when it starts).

targetScope = 'resourceGroup'

@description('test or prod: goes into every name.')
@allowed(['test', 'prod'])
param environmentName string

@description('Azure region; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Short name prefix, lower-case letters and digits.')
@minLength(2)
@maxLength(8)
param baseName string = 'lsb'

@description('Whether to deploy the container app (false on the first run, before the secrets exist).')
param deployHub bool = true

@description('Container image of the hub.')
param hubImage string

@description('Registry server the image is pulled from with the hub identity (grant it AcrPull), or empty.')
param registryServer string = ''

@description('Fewest and most hub nodes.')
@minValue(1)
param hubMinReplicas int
@minValue(1)
param hubMaxReplicas int

@description('Service Bus Premium messaging units.')
@allowed([1, 2, 4, 8, 16])
param serviceBusMessagingUnits int

@description('Service Bus across availability zones.')
param serviceBusZoneRedundant bool

@description('Service Bus accepts only Entra ID (no SAS connection strings).')
param serviceBusDisableLocalAuth bool

@description('Installations whose ingest queue the template creates; the hub creates queues of installations registered later.')
param installationIds array = []

@description('PostgreSQL compute tier and SKU.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string
param postgresSkuName string

@description('PostgreSQL storage in GiB.')
param postgresStorageSizeGB int

@description('PostgreSQL zone-redundant high availability.')
param postgresHighAvailability bool

@description('PostgreSQL backup retention in days.')
param postgresBackupRetentionDays int

@description('PostgreSQL administrator login.')
param postgresAdminLogin string

@description('PostgreSQL administrator password: from the environment at deployment (LSB_POSTGRES_ADMIN_PASSWORD), never from the repository.')
@secure()
param postgresAdminPassword string

@description('Key Vault purge protection.')
param keyVaultPurgeProtection bool

@description('Entra ID object ids of operators allowed to set secrets.')
param operatorPrincipalIds array = []

@description('API keys: [{ name, scopes, secret }] (the key itself is the Key Vault secret named by secret).')
param apiKeys array

@description('Installation credentials: [{ ref, key, secret }] become Credentials:{ref}:{key}.')
param installationCredentials array = []

@description('Days to keep logs.')
param logRetentionDays int

var name = '${baseName}-${environmentName}'
var unique = uniqueString(resourceGroup().id)
var queuePrefix = baseName
var workspaceName = '${name}-logs'
var identityName = '${name}-hub-id'
var vaultName = take('${baseName}${environmentName}kv${unique}', 24)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: workspaceName
    retentionInDays: logRetentionDays
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    identityName: identityName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: vaultName
    purgeProtection: keyVaultPurgeProtection
    hubIdentityName: identityName
    operatorPrincipalIds: operatorPrincipalIds
    workspaceId: monitoring.outputs.workspaceId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    namespaceName: '${name}-sb-${unique}'
    messagingUnits: serviceBusMessagingUnits
    zoneRedundant: serviceBusZoneRedundant
    disableLocalAuth: serviceBusDisableLocalAuth
    queuePrefix: queuePrefix
    installationIds: installationIds
    hubIdentityName: identityName
    workspaceId: monitoring.outputs.workspaceId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    serverName: '${name}-pg-${unique}'
    skuTier: postgresSkuTier
    skuName: postgresSkuName
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
    backupRetentionDays: postgresBackupRetentionDays
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    keyVaultName: vaultName
    workspaceId: monitoring.outputs.workspaceId
  }
  dependsOn: [
    keyVault
  ]
}

module hub 'modules/hub.bicep' = if (deployHub) {
  name: 'hub'
  params: {
    location: location
    name: name
    image: hubImage
    registryServer: registryServer
    minReplicas: hubMinReplicas
    maxReplicas: hubMaxReplicas
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    workspaceName: workspaceName
    keyVaultUri: keyVault.outputs.uri
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    queuePrefix: queuePrefix
    apiKeys: apiKeys
    installationCredentials: installationCredentials
  }
  dependsOn: [
    postgres
  ]
}

@description('Key Vault to put the secrets in.')
output keyVaultName string = keyVault.outputs.name

@description('Service Bus namespace (Bus:ServiceBusNamespace).')
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace

@description('PostgreSQL host.')
output postgresHost string = postgres.outputs.host

@description('Principal id of the hub identity (grant it AcrPull on the registry).')
output hubPrincipalId string = identity.outputs.principalId

@description('Public URL of the hub (empty until deployHub is true).')
output hubUrl string = deployHub ? hub.?outputs.url ?? '' : ''
