global using System.Net;
global using WorkOrders.Api.IntegrationTests.Infrastructure;
