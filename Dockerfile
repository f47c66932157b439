# Builds and runs the service. docker-compose.yml starts it next to PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/watch-party.jar watch-party.jar
EXPOSE 3001
ENTRYPOINT ["java", "-jar", "/app/watch-party.jar"]
