package app.premia.platform.graphql;

import app.premia.platform.config.RuntimeProfile;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dataloader.DataLoaderRegistry;

/**
 * The executable schema: one SDL file per context, stitched with {@code platform.graphqls}, wired
 * with each context's data fetchers. Built once; {@link #execute} is safe for concurrent requests
 * and makes a fresh {@link DataLoaderRegistry} for each.
 */
public final class GraphQlEngine {

  /** SDL of the platform itself: root types, shared scalars, server info. */
  public static final String PLATFORM_SDL = "graphql/platform.graphqls";

  private final GraphQL graphQl;
  private final GraphQLSchema schema;
  private final List<SchemaContribution> contributions;
  private final RuntimeProfile profile;

  /**
   * @param contributions every context's schema part; one of them must supply {@link #PLATFORM_SDL}
   * @param profile introspection is allowed only in {@link RuntimeProfile#DEV}
   */
  public GraphQlEngine(List<SchemaContribution> contributions, RuntimeProfile profile) {
    this.contributions = List.copyOf(contributions);
    this.profile = Objects.requireNonNull(profile, "profile");
    TypeDefinitionRegistry types = new TypeDefinitionRegistry();
    SchemaParser parser = new SchemaParser();
    RuntimeWiring.Builder wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(GraphQlScalars.DECIMAL_SCALAR)
            .scalar(GraphQlScalars.DATE_SCALAR)
            .scalar(GraphQlScalars.DATE_TIME_SCALAR);
    for (SchemaContribution contribution : this.contributions) {
      types.merge(parser.parse(readSdl(contribution.sdlResource())));
      contribution.wire(wiring);
    }
    this.schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    GraphQlErrors errors = new GraphQlErrors();
    this.graphQl =
        GraphQL.newGraphQL(schema)
            .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
            .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
            .instrumentation(QueryLimits.instrumentation(profile))
            .build();
  }

  public GraphQLSchema schema() {
    return schema;
  }

  /**
   * Executes one request. The result's errors all carry a code; unexpected failures are logged with
   * the correlation id and reported without their text.
   */
  public ExecutionResult execute(GraphQlRequest request, RequestContext context) {
    DataLoaderRegistry loaders = new DataLoaderRegistry();
    contributions.forEach(contribution -> contribution.registerDataLoaders(loaders));
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .operationName(request.operationName())
            .variables(request.variables())
            .dataLoaderRegistry(loaders)
            .graphQLContext(
                Map.of(
                    RequestContext.class,
                    context,
                    Introspection.INTROSPECTION_DISABLED,
                    !profile.isDev()))
            .build();
    ExecutionResult result = graphQl.execute(input);
    if (result.getErrors().isEmpty()) {
      return result;
    }
    List<GraphQLError> clientErrors = new ArrayList<>(result.getErrors().size());
    for (GraphQLError error : result.getErrors()) {
      clientErrors.add(GraphQlErrors.toClientError(error, context));
    }
    return ExecutionResultImpl.newExecutionResult().from(result).errors(clientErrors).build();
  }

  private static String readSdl(String resource) {
    try (InputStream in = GraphQlEngine.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("GraphQL SDL not found on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read GraphQL SDL " + resource, e);
    }
  }
}
