using System.Reflection;

namespace Lsb.Hub.FailedMessages.Web;

/// <summary>
/// The administrators' web page at <c>/admin/failed-messages</c>: static HTML, CSS and JavaScript embedded in the hub
/// (no build toolchain). The page holds no data; it asks for an API key and calls the admin API with it, so the files
/// themselves are served without authentication.
/// </summary>
public static class WebPageEndpoints
{
    /// <summary>Where the page lives.</summary>
    public const string Path = "/admin/failed-messages";

    private static readonly (string File, string ContentType)[] Files =
    [
        ("index.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"),
    ];

    /// <summary>Maps the page and its assets.</summary>
    public static IEndpointRouteBuilder MapFailedMessagesPage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assembly = typeof(WebPageEndpoints).Assembly;
        foreach (var (file, contentType) in Files)
        {
            var content = Read(assembly, file);
            var route = file == "index.html" ? Path : $"{Path}/{file}";
            app.MapGet(route, () => Results.Text(content, contentType)).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }

    private static string Read(Assembly assembly, string file)
    {
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".FailedMessages.Web." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
