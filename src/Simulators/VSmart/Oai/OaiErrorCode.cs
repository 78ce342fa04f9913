namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>The OAI-PMH 2.0 error codes (§3.6).</summary>
internal static class OaiErrorCode
{
    public const string BadArgument = "badArgument";
    public const string BadResumptionToken = "badResumptionToken";
    public const string BadVerb = "badVerb";
    public const string CannotDisseminateFormat = "cannotDisseminateFormat";
    public const string IdDoesNotExist = "idDoesNotExist";
    public const string NoRecordsMatch = "noRecordsMatch";
    public const string NoMetadataFormats = "noMetadataFormats";
    public const string NoSetHierarchy = "noSetHierarchy";
}
