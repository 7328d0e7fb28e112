-- Creates the database, its four schemas and the image repository the container is pushed to.
-- Run with: snow sql -f spcs/sql/01_image_repository.sql -D database=FLUX_OPS
-- ACCOUNTADMIN runs every script but 08: 03 grants account-level and future privileges, which need MANAGE GRANTS.
USE ROLE ACCOUNTADMIN;
CREATE DATABASE IF NOT EXISTS <% database %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.PRODUCTION;
CREATE SCHEMA IF NOT EXISTS <% database %>.APPLICATIONS;
CREATE SCHEMA IF NOT EXISTS <% database %>.ML_DEMO;
CREATE SCHEMA IF NOT EXISTS <% database %>.CASCADE_ANALYSIS;
CREATE IMAGE REPOSITORY IF NOT EXISTS <% database %>.APPLICATIONS.FLUX_IMAGES;
-- repository_url is where `docker push` goes (see README, Deploy to Snowflake).
SHOW IMAGE REPOSITORIES IN SCHEMA <% database %>.APPLICATIONS;
