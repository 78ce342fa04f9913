using System.Net;
using System.Text;

namespace Lsb.Hub.Tests.Ibl.Iso;

/// <summary>A peer's side of one exchange with the hub's <c>POST /iso18626</c>: the message posted, the confirmation read.</summary>
public static class Iso18626Exchange
{
    /// <summary>Posts <paramref name="xml"/> without an API key, as a peer does; asserts HTTP 200 and a confirmation that
    /// validates against the published ISO 18626 v1.2 schema; returns the confirmation.</summary>
    public static async Task<string> PostAsync(HttpClient client, string what, string xml)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        using var response = await client.PostAsync("/iso18626", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: HTTP {(int)response.StatusCode} {body}");
        var errors = Iso18626Corpus.SchemaErrors(body);
        Assert.True(errors.Count == 0, $"{what}: the confirmation does not validate against ISO-18626-v1_2.xsd: {string.Join("; ", errors)}\n{body}");
        return body;
    }

    /// <summary>Asserts that <paramref name="confirmation"/> says OK (<paramref name="expectedErrorType"/> null) or ERROR
    /// with that error type.</summary>
    public static void AssertAnswer(string what, string confirmation, string? expectedErrorType)
    {
        var status = Iso18626Corpus.Value(confirmation, "messageStatus");
        var errorType = Iso18626Corpus.Value(confirmation, "errorType");
        if (expectedErrorType is null)
            Assert.True(status == "OK", $"{what}: expected OK, got {status} {errorType}: {Iso18626Corpus.Value(confirmation, "errorValue")}");
        else
            Assert.True(status == "ERROR" && errorType == expectedErrorType, $"{what}: expected ERROR {expectedErrorType}, got {status} {errorType}: {Iso18626Corpus.Value(confirmation, "errorValue")}");
    }
}
