// Production: zone-redundant Service Bus (2 messaging units) and PostgreSQL HA, three to six hub nodes, managed
// identity only (no SAS), purge protection. Installations and keys below are examples: list the real ones.
using './main.bicep'

param environmentName = 'prod'
param hubImage = 'lsbregistry.azurecr.io/lsb-hub:1.0.0'
param registryServer = 'lsbregistry.azurecr.io'
param hubMinReplicas = 3
param hubMaxReplicas = 6
param serviceBusMessagingUnits = 2
param serviceBusZoneRedundant = true
param serviceBusDisableLocalAuth = true
param installationIds = [
  'probiblio-wise'
  'rijnbrink-vsmart'
  'bibliotheek-rotterdam-wise'
]
param postgresSkuTier = 'GeneralPurpose'
param postgresSkuName = 'Standard_D4ds_v5'
param postgresStorageSizeGB = 512
param postgresHighAvailability = true
param postgresBackupRetentionDays = 35
param postgresAdminLogin = 'lsbadmin'
param postgresAdminPassword = readEnvironmentVariable('LSB_POSTGRES_ADMIN_PASSWORD', '')
param keyVaultPurgeProtection = true
param operatorPrincipalIds = []
param apiKeys = [
  { name: 'hub-admins', scopes: ['admin'], secret: 'api-key-hub-admins' }
  { name: 'kb-dwh', scopes: ['dwh'], secret: 'api-key-kb-dwh' }
  { name: 'kb-ebook-platform', scopes: ['ebook-platform'], secret: 'api-key-kb-ebook-platform' }
  { name: 'probiblio', scopes: ['poi:probiblio'], secret: 'api-key-probiblio' }
]
param installationCredentials = [
  { ref: 'probiblio-wise', key: 'AppId', secret: 'cred-probiblio-wise-appid' }
  { ref: 'probiblio-wise', key: 'AppKey', secret: 'cred-probiblio-wise-appkey' }
]
param logRetentionDays = 90
