using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Geo
{
    // Geocoding through Google Maps and an archive in Azure Blob Storage, called from a Lambda function.
    public class CloudKeysFunction
    {
        private static readonly HttpClient Http = new HttpClient();

        private const string MapsApiKey = "AIza2q8PxOGmwNu7ZCvhmSeHmxQ9ihy-y6KXO37"; // Noncompliant SECRETS006
        private const string ArchiveConnection = "DefaultEndpointsProtocol=https;AccountName=ordersarchive;AccountKey=EiSmIKwnwaHmzmR19hE6TX8pOfJtlS/e09LmMP2xstBHrCeZUHOS6YP4rcctre22f0rd86xD48HgAULh2Ww4ha==;EndpointSuffix=core.windows.net"; // Noncompliant SECRETS006

        private const string EmulatorConnection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"; // Compliant SECRETS006
        private const string DevelopmentStorage = "UseDevelopmentStorage=true"; // Compliant SECRETS006
        private const string ConnectionTemplate = "DefaultEndpointsProtocol=https;AccountName={0};AccountKey={1};EndpointSuffix=core.windows.net"; // Compliant SECRETS006
        private const string SasUrl = "https://ordersarchive.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig=X7kq2VnP9sLmZ4bR8wT1yU5cF3hJ6dA0eG2iK4oM7qS%3D"; // Compliant SECRETS006
        private const string MapsKeyPlaceholder = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"; // Compliant SECRETS006
        private const string ContentHash = "1f8ba582b9b3811cfb91695da3ce7b684800bd0d502d2efb6d1065cf72ecdf95"; // Compliant SECRETS006
        private const string RandomSalt = "+jqhYEwAXvcquvBjG1W0QounVbVOvpejigQOJRFql5flSZelINkCCpPTi13p23vvbaCfEb82tPABBCVP0Bs1ppda"; // Compliant SECRETS006
        private const string BareKey = "rzq+K2ooPC0TjJdD3FwAVV5nJtYPpxGXfMM9+XFodRyEISfU0573PZuo0etoaWgLxMGVkeoYR4lcSjZBKZ+EGc=="; // Compliant SECRETS006
        private const string MapsKeySecretName = "geo/maps-api-key"; // Compliant SECRETS006

        public async Task<string> Handle(string address, ILambdaContext context)
        {
            string url = $"https://maps.googleapis.com/maps/api/geocode/json?address={Uri.EscapeDataString(address)}&key={MapsApiKey}"; // Compliant SECRETS006 - reported at the constant's declaration
            string json = await Http.GetStringAsync(url);
            string fallback = "https://maps.googleapis.com/maps/api/staticmap?center=0,0&key=AIzarOhnx0yih09fWyEF29D0tQGOmyFSEdsKEIj"; // Noncompliant SECRETS006
            return json + fallback + ArchiveConnection + EmulatorConnection + DevelopmentStorage + ConnectionTemplate + SasUrl + MapsKeyPlaceholder + ContentHash + RandomSalt + BareKey + MapsKeySecretName;
        }

        // Second storage account, decommissioned: DefaultEndpointsProtocol=https;AccountName=ordersarchive;AccountKey=SJb/nCBnqYdFldOosdr1+tWqdvg0J4O2p3EJkgYqp0uv1huUblEj0BmTdN1IBXlTYofFBKekaMtbLfK7QGJ/kk==;EndpointSuffix=core.windows.net // Noncompliant SECRETS006
    }
}
