// The hub as a container app: N replicas behind HTTPS ingress, the user-assigned identity, every secret a Key Vault
// reference resolved by that identity (so a secret changes in Key Vault, not here). Settings become environment
// variables (Section__Key); docs/configuration.md lists them.

@description('Azure region.')
param location string

@description('Name prefix for the environment and the app.')
param name string

@description('Container image of the hub, e.g. lsbregistry.azurecr.io/lsb-hub:1.4.0.')
param image string

@description('Registry server to pull from with the hub identity (AcrPull), or empty for a public image.')
param registryServer string

@description('Fewest and most replicas (hub nodes). Several nodes share the work; see docs/scale-out.md.')
@minValue(1)
param minReplicas int
@minValue(1)
param maxReplicas int

@description('Resource id and client id of the hub identity.')
param identityId string
param identityClientId string

@description('Log Analytics workspace that receives the console (Serilog JSON) and system logs.')
param workspaceName string

@description('Key Vault URI, ending in a slash.')
param keyVaultUri string

@description('Fully qualified Service Bus namespace.')
param serviceBusNamespace string

@description('Bus:QueuePrefix.')
param queuePrefix string

@description('API keys: [{ name, scopes: [..], secret }] where secret names the Key Vault secret holding the key.')
param apiKeys array

@description('Installation credentials: [{ ref, key, secret }] becomes Credentials:{ref}:{key} from the Key Vault secret.')
param installationCredentials array

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

var fixedSecrets = [
  { name: 'storage-connection-string', keyVaultUrl: '${keyVaultUri}secrets/storage-connection-string', identity: identityId }
  { name: 'dwh-pseudonym-key', keyVaultUrl: '${keyVaultUri}secrets/dwh-pseudonym-key', identity: identityId }
]
var apiKeySecrets = [for key in apiKeys: { name: 'kv-${toLower(key.secret)}', keyVaultUrl: '${keyVaultUri}secrets/${key.secret}', identity: identityId }]
var credentialSecrets = [for credential in installationCredentials: { name: 'kv-${toLower(credential.secret)}', keyVaultUrl: '${keyVaultUri}secrets/${credential.secret}', identity: identityId }]

var fixedEnv = [
  { name: 'ASPNETCORE_URLS', value: 'http://+:8080' }
  { name: 'Logging__Json', value: 'true' }
  { name: 'Storage__Provider', value: 'Postgres' }
  { name: 'Storage__ConnectionString', secretRef: 'storage-connection-string' }
  { name: 'Bus__Transport', value: 'AzureServiceBus' }
  { name: 'Bus__ServiceBusNamespace', value: serviceBusNamespace }
  { name: 'Bus__ServiceBusClientId', value: identityClientId }
  { name: 'Bus__QueuePrefix', value: queuePrefix }
  { name: 'Dwh__PseudonymKey', secretRef: 'dwh-pseudonym-key' }
  { name: 'Dwh__PushToBroker', value: 'true' }
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
]
var apiKeyEnv = flatten(map(range(0, length(apiKeys)), i => concat([
  { name: 'Auth__ApiKeys__${i}__Key', secretRef: 'kv-${toLower(apiKeys[i].secret)}' }
  { name: 'Auth__ApiKeys__${i}__Name', value: apiKeys[i].name }
], map(range(0, length(apiKeys[i].scopes)), j => { name: 'Auth__ApiKeys__${i}__Scopes__${j}', value: apiKeys[i].scopes[j] }))))
var credentialEnv = [for credential in installationCredentials: { name: 'Credentials__${credential.ref}__${credential.key}', secretRef: 'kv-${toLower(credential.secret)}' }]

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

resource hub 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-hub'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      secrets: concat(fixedSecrets, apiKeySecrets, credentialSecrets)
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'hub'
          image: image
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(fixedEnv, apiKeyEnv, credentialEnv)
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: 8080
              }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: 8080
              }
              periodSeconds: 10
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '100'
              }
            }
          }
        ]
      }
    }
  }
}

@description('Public URL of the hub.')
output url string = 'https://${hub.properties.configuration.ingress.fqdn}'
