using System.Text.RegularExpressions;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Installations;

/// <summary>Checks a registration field by field; every problem is reported with its JSON path.</summary>
public static partial class InstallationValidator
{
    /// <summary>The problems (field → messages); empty when the request is valid. On success <paramref name="descriptor"/> is set.</summary>
    public static Dictionary<string, string[]> Validate(RegisterInstallationRequest request, out InstallationDescriptor? descriptor, out string owningPoi)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        descriptor = null;
        owningPoi = request.OwningPoi?.Trim() ?? "";
        if (!InstallationId.TryParse(request.Id, out var id, out var idError)) Add("id", idError);
        Vendor vendor = default;
        if (string.IsNullOrWhiteSpace(request.Vendor) || !Enum.TryParse(request.Vendor, ignoreCase: true, out vendor) || !Enum.IsDefined(vendor))
            Add("vendor", $"Vendor '{request.Vendor}' is not known: use one of {string.Join(", ", Enum.GetNames<Vendor>())}.");
        if (!PoiPattern().IsMatch(owningPoi))
            Add("owningPoi", "Give the owning POI as a lower-case slug (letters, digits, hyphens), e.g. 'probiblio'.");
        Uri? endpoint = null;
        if (string.IsNullOrWhiteSpace(request.Endpoint) || !Uri.TryCreate(request.Endpoint, UriKind.Absolute, out endpoint)
            || endpoint.Scheme is not ("http" or "https" or "tcp"))
            Add("endpoint", "Give the installation's address as an absolute http://, https:// or tcp:// (SIP2) URI.");
        if (string.IsNullOrWhiteSpace(request.CredentialsRef) || !RefPattern().IsMatch(request.CredentialsRef))
            Add("credentialsRef", "Name the credentials entry (letters, digits, '-', '_'), e.g. 'probiblio-wise'; put the secrets in configuration under Credentials:{name}, never in this request.");

        var libraries = new List<LibraryRef>();
        if (request.Libraries is null || request.Libraries.Count == 0)
        {
            Add("libraries", "An installation serves at least one library: list them with their ISIL and vendor library id.");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < request.Libraries.Count; i++)
            {
                var library = request.Libraries[i];
                if (library is null) { Add($"libraries[{i}]", "Library entry is empty."); continue; }
                if (!Isil.TryParse(library.Isil, out var isil, out var isilError)) Add($"libraries[{i}].isil", isilError);
                else if (!seen.Add(isil.Value)) Add($"libraries[{i}].isil", $"ISIL {isil} is listed twice.");
                if (string.IsNullOrWhiteSpace(library.VendorLibraryId))
                    Add($"libraries[{i}].vendorLibraryId", "Give the library's id in the vendor's system (Wise: the library organisation id).");
                if (isilError is null && !string.IsNullOrWhiteSpace(library.VendorLibraryId))
                    libraries.Add(new LibraryRef(isil, library.VendorLibraryId.Trim(), library.Name));
            }
        }
        if (errors.Count == 0)
            descriptor = new InstallationDescriptor(id, vendor, endpoint!, request.CredentialsRef!.Trim(), libraries);
        return errors.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex PoiPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex RefPattern();
}
