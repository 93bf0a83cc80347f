global using EDoc.Contracts.V1;
global using EDoc.Server.Tests.Infrastructure;
global using Grpc.Core;
