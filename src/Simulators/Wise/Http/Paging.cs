using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>Validates offset/limit and the date parameter of the delta endpoints.</summary>
internal static class Paging
{
    public const int DefaultLimit = 100;

    public static IResult? Check(int? offset, int? limit, int maxPageSize, out int checkedOffset, out int checkedLimit)
    {
        checkedOffset = offset ?? 0;
        checkedLimit = limit ?? DefaultLimit;
        if (checkedOffset < 0) return WiseResponses.Error(400, "INVALID_OFFSET", "offset may not be negative.");
        if (checkedLimit is < 0 || checkedLimit > maxPageSize)
            return WiseResponses.Error(400, "INVALID_LIMIT", $"limit must be between 0 and {maxPageSize}.");
        return null;
    }

    public static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
