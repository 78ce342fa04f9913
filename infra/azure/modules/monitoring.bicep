// Log Analytics: where the hub's Serilog output (compact JSON on the console, collected by Container Apps) and the
// platform logs of Service Bus, PostgreSQL and Key Vault end up.

@description('Azure region.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Days to keep logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

@description('Resource id of the workspace.')
output workspaceId string = workspace.id
