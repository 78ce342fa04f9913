using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Loans;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.EventLog;

namespace Lsb.Hub.Tests.EventLog;

/// <summary>The hand-written payload writer against the serializer it replaces: the same bytes for every ingest event,
/// with odd text (quotes, HTML characters, accents, control characters, emoji), nulls, unnamed enum values and offsets.</summary>
public sealed class EventPayloadWriterTests
{
    private const int EventsPerKind = 400;

    public static TheoryData<string> Kinds => new(
        nameof(HoldingAdded), nameof(HoldingChanged), nameof(HoldingWithdrawn), nameof(LoanStarted), nameof(LoanRenewed), nameof(LoanEnded),
        nameof(MemberRegistered), nameof(MemberUpdated), nameof(MemberRemoved));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void When_an_ingest_event_is_written_by_hand_Should_give_the_bytes_the_serializer_gives(string kind)
    {
        var random = new Random(kind.Length * 7919 + kind[0]);
        for (var i = 0; i < EventsPerKind; i++)
        {
            var e = Generate(kind, random);
            var expected = System.Text.Encoding.UTF8.GetString(EventPayloadJson.WriteUtf8BySerializer(e));
            var written = System.Text.Encoding.UTF8.GetString(EventPayloadJson.WriteUtf8(e));
            Assert.Equal(expected, written);
        }
    }

    // What the writer writes, per type: a property added to one of these types fails here until EventPayloadWriter writes it
    // (and Generate below sets it).
    [Theory]
    [InlineData(typeof(HoldingAdded), "HoldingId OwnerIsil Details")]
    [InlineData(typeof(HoldingChanged), "HoldingId OwnerIsil Details ChangedFields")]
    [InlineData(typeof(HoldingWithdrawn), "HoldingId OwnerIsil Barcode")]
    [InlineData(typeof(LoanStarted), "LoanId Kind MemberId HoldingId EbookIsbn Title LendingIsil StartedAt DueAt")]
    [InlineData(typeof(LoanRenewed), "LoanId MemberId LendingIsil DueAt Renewals")]
    [InlineData(typeof(LoanEnded), "LoanId MemberId HoldingId LendingIsil EndedAt")]
    [InlineData(typeof(MemberRegistered), "MemberId HomeIsil Profile")]
    [InlineData(typeof(MemberUpdated), "MemberId HomeIsil Profile ChangedFields")]
    [InlineData(typeof(MemberRemoved), "MemberId HomeIsil Erased")]
    [InlineData(typeof(HoldingDetails), "Barcode Bibliographic Title Author MaterialType Location Shelfmark Status RawStatus LendableForIbl")]
    [InlineData(typeof(BibliographicIds), "Isbn Ppn OclcNumber LocalRecordId")]
    [InlineData(typeof(MemberProfile), "Category Status ExpiresOn BirthYearBand PostcodeArea")]
    public void When_a_payload_type_gains_a_property_Should_fail_until_the_writer_writes_it(Type type, string written)
    {
        var own = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(CanonicalEvent) && !Attribute.IsDefined(p, typeof(System.Text.Json.Serialization.JsonIgnoreAttribute))
                && p.GetMethod?.GetBaseDefinition().DeclaringType != typeof(CanonicalEvent) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        Assert.Equal(written.Split(' '), own);
    }

    [Fact]
    public void When_an_event_the_writer_does_not_know_is_written_Should_go_through_the_serializer()
    {
        var e = new IblRequestEnded
        {
            EventId = Guid.CreateVersion7(), Source = new EventSource("hub", "ibl:1"), OccurredAt = DateTimeOffset.UnixEpoch,
            RequestId = IblRequestId.New(), RequestingAgency = "NL-0851010000", Outcome = IblRequestState.LoanCompleted, LendersAsked = 2,
            PlacedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Equal(EventPayloadJson.WriteUtf8BySerializer(e), EventPayloadJson.WriteUtf8(e));
    }

    private static CanonicalEvent Generate(string kind, Random r)
    {
        var source = new EventSource("wise", "5101:x:" + r.Next());
        var at = Time(r);
        return kind switch
        {
            nameof(HoldingAdded) => new HoldingAdded
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, HoldingId = HoldingId.New(), OwnerIsil = Library(r), Details = Details(r)!,
            },
            nameof(HoldingChanged) => new HoldingChanged
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, HoldingId = HoldingId.New(), OwnerIsil = Library(r), Details = Details(r)!,
                ChangedFields = Fields(r)!,
            },
            nameof(HoldingWithdrawn) => new HoldingWithdrawn
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, HoldingId = HoldingId.New(), OwnerIsil = Library(r), Barcode = Text(r),
            },
            nameof(LoanStarted) => new LoanStarted
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, LoanId = LoanId.New(), Kind = Pick<LoanKind>(r), MemberId = MemberId.New(),
                HoldingId = r.Next(3) == 0 ? null : HoldingId.New(), EbookIsbn = Text(r), Title = Text(r), LendingIsil = Library(r), StartedAt = Time(r),
                DueAt = r.Next(3) == 0 ? null : Time(r),
            },
            nameof(LoanRenewed) => new LoanRenewed
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, LoanId = LoanId.New(), MemberId = MemberId.New(), LendingIsil = Library(r),
                DueAt = r.Next(3) == 0 ? null : Time(r), Renewals = r.Next(-2, 100),
            },
            nameof(LoanEnded) => new LoanEnded
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, LoanId = LoanId.New(), MemberId = MemberId.New(),
                HoldingId = r.Next(3) == 0 ? null : HoldingId.New(), LendingIsil = Library(r), EndedAt = Time(r),
            },
            nameof(MemberRegistered) => new MemberRegistered
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, MemberId = MemberId.New(), HomeIsil = Library(r), Profile = Profile(r)!,
            },
            nameof(MemberUpdated) => new MemberUpdated
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, MemberId = MemberId.New(), HomeIsil = Library(r), Profile = Profile(r)!,
                ChangedFields = Fields(r)!,
            },
            nameof(MemberRemoved) => new MemberRemoved
            {
                EventId = Guid.CreateVersion7(), Source = source, OccurredAt = at, MemberId = MemberId.New(), HomeIsil = Library(r), Erased = r.Next(2) == 0,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an ingest event"),
        };
    }

    private static HoldingDetails? Details(Random r) => r.Next(40) == 0 ? null : new HoldingDetails(Text(r),
        r.Next(40) == 0 ? null! : new BibliographicIds(Text(r), Text(r), Text(r), Text(r)), Text(r)!, Text(r), Pick<MaterialType>(r), Text(r), Text(r),
        Pick<HoldingStatus>(r), Text(r), r.Next(2) == 0);

    private static MemberProfile? Profile(Random r) => r.Next(40) == 0 ? null : new MemberProfile(Pick<MemberCategory>(r), Pick<MemberStatus>(r),
        r.Next(3) == 0 ? null : DateOnly.FromDayNumber(r.Next(700_000, 760_000)), Text(r), Text(r));

    private static IReadOnlyList<string>? Fields(Random r) => r.Next(40) == 0 ? null
        : [.. Enumerable.Range(0, r.Next(4)).Select(_ => r.Next(30) == 0 ? null! : Text(r) ?? "Status")];

    private static Isil Library(Random r) => Isil.Parse(r.Next(2) == 0 ? "NL-0851010000" : "NL-" + r.Next(1000, 9999) + "010002");

    // An enum value by name, now and then one without a name.
    private static T Pick<T>(Random r) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return r.Next(15) == 0 ? (T)Enum.ToObject(typeof(T), 97) : values[r.Next(values.Length)];
    }

    private static DateTimeOffset Time(Random r)
        => new(DateTime.SpecifyKind(new DateTime(r.NextInt64(DateTime.UnixEpoch.Ticks, new DateTime(2100, 1, 1).Ticks)), DateTimeKind.Unspecified),
            TimeSpan.FromMinutes(15 * r.Next(-48, 57)));

    private static readonly string[] Pieces = ["a", "Z", "9", " ", "\"", "\\", "<", ">", "&", "'", "+", "é", "ü", "ĳ", "中", "😀", "\n", "\t", "\u0001", "/"];

    private static string? Text(Random r)
    {
        if (r.Next(5) == 0) return null;
        var length = r.Next(0, 12);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++) text.Append(r.Next(3) == 0 ? Pieces[r.Next(Pieces.Length)] : ((char)('a' + r.Next(26))).ToString());
        return text.ToString();
    }
}
