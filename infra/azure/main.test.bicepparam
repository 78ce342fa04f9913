// Test environment: one messaging unit, burstable PostgreSQL, two hub nodes, SAS allowed (for the smoke test).
using './main.bicep'

param environmentName = 'test'
param hubImage = 'lsbregistry.azurecr.io/lsb-hub:test'
param registryServer = 'lsbregistry.azurecr.io'
param hubMinReplicas = 2
param hubMaxReplicas = 2
param serviceBusMessagingUnits = 1
param serviceBusZoneRedundant = false
param serviceBusDisableLocalAuth = false
param installationIds = [
  'test-wise'
  'test-brocade'
]
param postgresSkuTier = 'Burstable'
param postgresSkuName = 'Standard_B2s'
param postgresStorageSizeGB = 32
param postgresHighAvailability = false
param postgresBackupRetentionDays = 7
param postgresAdminLogin = 'lsbadmin'
param postgresAdminPassword = readEnvironmentVariable('LSB_POSTGRES_ADMIN_PASSWORD', '')
param keyVaultPurgeProtection = false
param apiKeys = [
  { name: 'test-admin', scopes: ['admin'], secret: 'api-key-test-admin' }
  { name: 'test-dwh', scopes: ['dwh'], secret: 'api-key-test-dwh' }
]
param installationCredentials = [
  { ref: 'test-wise', key: 'AppId', secret: 'cred-test-wise-appid' }
  { ref: 'test-wise', key: 'AppKey', secret: 'cred-test-wise-appkey' }
]
param logRetentionDays = 30
