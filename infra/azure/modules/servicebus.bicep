// Azure Service Bus Premium: one ingest queue per installation known at deploy time (the hub creates the queues of
// installations registered later), the IBL and holdings-sync queues, the events topic with one subscription per
// consumer, and the hub identity as "Azure Service Bus Data Owner" (it sends, receives, drains dead-letter sub-queues,
// lists and creates queues).
// Entity settings match the transport's defaults (src/Transports/AzureServiceBus/Seam/QueueDefinition.cs).

@description('Azure region.')
param location string

@description('Name of the namespace (globally unique).')
param namespaceName string

@description('Premium messaging units: 1, 2, 4, 8 or 16.')
@allowed([1, 2, 4, 8, 16])
param messagingUnits int

@description('Spread the namespace over availability zones (production).')
param zoneRedundant bool

@description('Refuse SAS keys and accept only Entra ID (managed identity). Off only where a connection string is needed, e.g. the smoke test in test.')
param disableLocalAuth bool

@description('Bus:QueuePrefix of the hub.')
param queuePrefix string

@description('Installations whose ingest queue is created here (lower-case ids of letters, digits, ".", "_" and "-").')
param installationIds array

@description('Name of the hub\'s user-assigned identity (in this resource group).')
param hubIdentityName string

@description('Log Analytics workspace for the namespace logs.')
param workspaceId string

var queueSettings = {
  lockDuration: 'PT1M'
  maxDeliveryCount: 10
  defaultMessageTimeToLive: 'P14D'
  deadLetteringOnMessageExpiration: true
  requiresDuplicateDetection: true
  duplicateDetectionHistoryTimeWindow: 'PT10M'
}
var dwhBatchType = 'Lsb.Hub.Dwh.DwhEventBatch'
var logNotificationType = 'Lsb.Hub.EventLog.CanonicalEventsAppended'
// Same filters as BusConfiguration.EventSubscriptions. customer-view and ibl take nothing (1 = 0): neither follows the
// event log yet (docs/azure.md, "Canonical events on the topic"); give one the notification filter when it does.
var consumers = [
  { name: 'dwh', filter: 'sys.Label = \'${dwhBatchType}\'' }
  { name: 'holdings-sync', filter: 'sys.Label = \'${logNotificationType}\'' }
  { name: 'customer-view', filter: '1 = 0' }
  { name: 'ibl', filter: '1 = 0' }
]
// The hub's own work queues besides ingest (Bus/HubWorkQueues.cs).
var workQueues = [
  'ibl'
  'holdings-sync'
]
resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: hubIdentityName
}

var dataOwnerRoleId = '090c5cfd-751d-490a-894a-3ce6f1109419'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  sku: {
    name: 'Premium'
    tier: 'Premium'
    capacity: messagingUnits
  }
  properties: {
    zoneRedundant: zoneRedundant
    disableLocalAuth: disableLocalAuth
    minimumTlsVersion: '1.2'
  }
}

resource ingestQueues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [for id in installationIds: {
  parent: namespace
  name: '${queuePrefix}-ingest-${id}'
  properties: queueSettings
}]

resource workQueueResources 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [for queue in workQueues: {
  parent: namespace
  name: '${queuePrefix}-${queue}'
  properties: queueSettings
}]

resource eventsTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: '${queuePrefix}-events'
  properties: {
    defaultMessageTimeToLive: 'P14D'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
  }
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [for consumer in consumers: {
  parent: eventsTopic
  name: consumer.name
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
  }
}]

resource subscriptionRules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [for (consumer, i) in consumers: {
  parent: subscriptions[i]
  name: '$Default'
  properties: {
    filterType: 'SqlFilter'
    sqlFilter: {
      sqlExpression: consumer.filter
    }
  }
}]

resource hubIsDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace.id, hubIdentity.id, dataOwnerRoleId)
  scope: namespace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataOwnerRoleId)
    principalId: hubIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Fully qualified namespace for Bus:ServiceBusNamespace, e.g. lsb-prod.servicebus.windows.net.')
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
