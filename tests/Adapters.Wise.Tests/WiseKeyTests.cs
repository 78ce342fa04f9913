using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Adapters.Wise.Http;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Adapters.Wise.Tests;

public sealed class WiseKeyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly WiseInstallationSpec Installation = WiseDefaultTopology.Installation;

    [Fact]
    public void The_key_should_be_base64url_of_HMAC_SHA256_of_the_app_id_and_the_UTC_date_keyed_with_the_app_key()
    {
        var expected = Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("key"), Encoding.UTF8.GetBytes("id:20261129")));
        Assert.Equal(expected, WiseKeyCalculator.Compute("id", "key", Noon));
        Assert.Equal(expected, WiseKey.Compute("id", "key", Noon));
        Assert.DoesNotContain('=', expected);
    }

    [Fact]
    public void The_adapter_and_the_simulator_should_derive_the_same_key_on_every_day()
    {
        for (var day = 0; day < 400; day += 37)
        {
            var moment = Noon.AddDays(day);
            Assert.Equal(WiseKey.Compute(Installation.AppId, Installation.AppKey, moment), WiseKeyCalculator.Compute(Installation.AppId, Installation.AppKey, moment));
        }
    }

    [Fact]
    public void A_key_should_be_valid_today_and_yesterday_but_not_the_day_before()
    {
        var validator = new DailyHmacWiseKeyValidator();
        var key = WiseKey.Compute(Installation.AppId, Installation.AppKey, Noon);
        Assert.True(validator.IsValid(Installation, key, Noon));
        Assert.True(validator.IsValid(Installation, key, Noon.AddDays(1)));
        Assert.False(validator.IsValid(Installation, key, Noon.AddDays(2)));
        Assert.False(validator.IsValid(Installation, key, Noon.AddDays(-1)));
    }

    [Fact]
    public void A_key_of_another_installation_or_environment_should_be_refused()
    {
        var validator = new DailyHmacWiseKeyValidator();
        Assert.False(validator.IsValid(Installation, WiseKey.Compute(Installation.AppId, "the-test-environment-key", Noon), Noon));
        Assert.False(validator.IsValid(Installation, string.Empty, Noon));
    }
}
