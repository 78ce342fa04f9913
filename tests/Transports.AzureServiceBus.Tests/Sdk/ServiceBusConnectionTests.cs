using Lsb.Hub.Transports.AzureServiceBus.Sdk;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Sdk;

/// <summary>Both ways of reaching a namespace build an SDK client without contacting it, and never show a secret.</summary>
public sealed class ServiceBusConnectionTests
{
    private const string ConnectionString = "Endpoint=sb://lsb-test.servicebus.windows.net/;SharedAccessKeyName=hub;SharedAccessKey=c2VjcmV0LWtleS1ub3QtcmVhbA==";

    [Fact]
    public async Task When_a_connection_string_is_given_Should_connect_to_its_namespace_and_describe_it_without_the_key()
    {
        var connection = ServiceBusConnection.FromConnectionString(ConnectionString);
        await using var client = Assert.IsType<SdkServiceBusClient>(connection.CreateClient());

        Assert.Equal("lsb-test.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.DoesNotContain("c2VjcmV0", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_only_a_namespace_name_is_given_Should_use_an_identity_credential_on_the_full_host_name()
    {
        var connection = ServiceBusConnection.FromNamespace("lsb-prod", managedIdentityClientId: "00000000-0000-0000-0000-000000000001");
        await using var client = Assert.IsType<SdkServiceBusClient>(connection.CreateClient());

        Assert.Equal("lsb-prod.servicebus.windows.net", client.FullyQualifiedNamespace);
    }
}
