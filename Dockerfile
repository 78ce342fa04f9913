# The LSB Hub as a container: `docker build -t lsb-hub .` at the repository root.
# Build stage: restore and publish src/Hub (framework-dependent, Release).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Hub/Hub.csproj -c Release -o /app/publish

# Runtime stage: ASP.NET Core runtime only, the published hub and the vendor mapping tables, as a non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .
COPY mappings ./mappings
ENV ASPNETCORE_URLS=http://+:8080 \
    Mappings__Path=/app/mappings \
    Logging__Json=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "lsb-hub.dll", "serve"]
