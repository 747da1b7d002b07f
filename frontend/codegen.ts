import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types come from the backend's SDL files, the schema's only home; no running server is needed.
 * Every `graphql(...)` call in src/ is an operation; the client preset turns each into a typed
 * document in src/gql/.
 */
const config: CodegenConfig = {
  schema: '../backend/src/main/resources/graphql/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        strictScalars: true,
        scalars: {
          // Exact decimals travel as strings; money is never a JS number.
          Decimal: 'string',
          Date: 'string',
          DateTime: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
