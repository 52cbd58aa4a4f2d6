namespace SecretsAnalyzer.EndToEnd.Infrastructure
{
    /// <summary>
    /// A consumer solution in a temporary folder: one Lambda-style class library that references the packed
    /// SecretsAnalyzer from the local feed. Its own Directory.Build.props / Directory.Packages.props / .editorconfig
    /// stop anything from outside leaking in, and restores go to the run's clean packages folder.
    /// </summary>
    internal sealed class ConsumerProject
    {
        public const string ProjectName = "OrdersFunction";

        private readonly PackedPackage package;

        public ConsumerProject(PackedPackage package, string name)
        {
            this.package = package;
            Directory = package.NewDirectory(name);
            WriteFile("Directory.Build.props", $"""
                <Project>
                  <PropertyGroup>
                    <RestorePackagesPath>{package.PackagesFolder}</RestorePackagesPath>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                </Project>
                """);
            WriteFile("Directory.Build.targets", "<Project />");
            WriteFile("Directory.Packages.props", """
                <Project>
                  <PropertyGroup>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                </Project>
                """);
            WriteFile(".editorconfig", "root = true\n");
            WriteProject();
        }

        public string Directory { get; }

        public string ProjectPath => Path.Combine(Directory, ProjectName, ProjectName + ".csproj");

        /// <summary>Where the compiler writes the assembly (obj/, before the copy to bin/) in the default Debug build.</summary>
        public string IntermediateAssemblyPath => Path.Combine(Directory, ProjectName, "obj", "Debug", "net10.0", ProjectName + ".dll");

        /// <summary>Writes the project file, with extra MSBuild properties (e.g. TreatWarningsAsErrors).</summary>
        public void WriteProject(string extraProperties = "", string extraItems = "")
        {
            WriteFile(Path.Combine(ProjectName, ProjectName + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="AWSSDK.Core" Version="4.1.0" />
                    <PackageReference Include="SecretsAnalyzer" Version="{package.Version}" PrivateAssets="all" />
                    {extraItems}
                  </ItemGroup>
                </Project>
                """);
        }

        public void WriteFile(string relativePath, string text)
        {
            string path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        public void DeleteFile(string relativePath) => File.Delete(Path.Combine(Directory, relativePath));

        /// <summary>`dotnet build` of the consumer project (restoring it first) with extra arguments.</summary>
        public ProcessResult Build(params string[] arguments)
        {
            var all = new List<string> { "build", ProjectPath, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:minimal" };
            all.AddRange(arguments);
            ProcessResult result = ProcessRunner.Run("dotnet", all, Directory, TimeSpan.FromMinutes(10));
            Timings.Record($"consumer build ({string.Join(" ", arguments)}): {result.Elapsed.TotalSeconds:F1} s, exit {result.ExitCode}");
            return result;
        }
    }
}
