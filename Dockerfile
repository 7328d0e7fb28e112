# Flux Operations Center container: docker build --platform linux/amd64 -t flux-ops-center .

# Build: the .NET SDK plus Node/npm, because MSBuild runs `npm ci` for the web's JavaScript packages.
FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish Flux.OpsCenter.Web/Flux.OpsCenter.Web.csproj -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -o /app/publish

# Run: the ASP.NET Core runtime on Debian 12. .NET 10 publishes no Debian images, so the runtime is copied from the official one.
FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

FROM --platform=linux/amd64 debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl libc6 libgcc-s1 libssl3 libstdc++6 tzdata zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1654 app \
 && useradd --uid 1654 --gid app --no-create-home --shell /usr/sbin/nologin app
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
WORKDIR /app
COPY --from=build /app/publish .
# The embedded demo database is generated here when no Snowflake provider is configured.
RUN mkdir -p /app/data && chown app:app /app/data
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Flux.OpsCenter.Web.dll"]
